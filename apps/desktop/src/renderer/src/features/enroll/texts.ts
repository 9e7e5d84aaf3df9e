import { featureTexts } from '../../i18n/i18n';

export const enrollTexts = featureTexts(
  'enroll',
  {
    title: 'Enregistrer cet appareil',
    intro:
      'Contact Desk relie le ministère aux plateformes pour les demandes urgentes (retrait, conservation, information). Chaque appareil est enregistré une seule fois auprès du relais.',
    steps: {
      title: 'Première utilisation',
      one: 'Le préfet vous a remis l’adresse du relais et un code à usage unique (valable 72 heures).',
      two: 'Saisissez-les ci-dessous et donnez un nom à cet appareil pour le reconnaître dans la liste des appareils.',
      three: 'La file se synchronise ensuite automatiquement, y compris hors ligne.',
    },
    relay: 'Adresse du relais',
    relayHint:
      'Par exemple https://relais.interieur.gouv.fr. S’il en a remis plusieurs, séparez-les par des virgules ou des retours à la ligne.',
    addressInvalid:
      '« {{address}} » n’est pas une adresse de relais. Séparez les adresses par des virgules, des espaces ou des retours à la ligne.',
    addressesTooMany: '{{count}} adresses de relais différentes : {{max}} au plus. Gardez celles que le préfet vous a remises.',
    code: 'Code à usage unique',
    codeHint: 'Format XXXX-XXXX-XXXX, sans distinction majuscules/minuscules',
    device: 'Nom de l’appareil',
    deviceHint: 'Visible par le préfet, par exemple « Poste bureau 214 »',
    defaultDevice: 'Navigateur web',
    defaultDesktop: 'Application Contact Desk',
    submit: 'Enregistrer l’appareil',
    working: 'Enregistrement en cours…',
    auto: 'Enregistrement automatique avec le code fourni…',
    failed: 'L’enregistrement a échoué',
    required: 'Renseignez l’adresse du relais, le code et le nom de l’appareil.',
    help: 'Un code ne sert qu’une fois. S’il a expiré ou a déjà servi, demandez-en un nouveau au préfet.',
    tooMany:
      'Trop de codes refusés : le relais n’accepte plus d’essai depuis cette adresse pendant {{minutes}} min. Vérifiez le code en attendant ; seul le dernier code remis par le préfet est valable.',
  },
  {
    title: 'Enrol this device',
    intro:
      'Contact Desk connects the ministry with the platforms for urgent requests (removal, preservation, information). Each device is enrolled once with the relay.',
    steps: {
      title: 'First time here',
      one: 'The prefect gave you the relay address and a one-time code (valid for 72 hours).',
      two: 'Enter them below and name this device so you can recognise it in the list of devices.',
      three: 'The queue then syncs automatically, offline included.',
    },
    relay: 'Relay address',
    relayHint: 'For example https://relay.interieur.gouv.fr. If you were given several, separate them with commas or new lines.',
    addressInvalid: '“{{address}}” is not a relay address. Separate addresses with commas, spaces or new lines.',
    addressesTooMany: '{{count}} different relay addresses: {{max}} at most. Keep those the prefect gave you.',
    code: 'One-time code',
    codeHint: 'Format XXXX-XXXX-XXXX, not case-sensitive',
    device: 'Device name',
    deviceHint: 'Shown to the prefect, for example “Office desk 214”',
    defaultDevice: 'Web browser',
    defaultDesktop: 'Contact Desk app',
    submit: 'Enrol device',
    working: 'Enrolling…',
    auto: 'Enrolling automatically with the code provided…',
    failed: 'Enrolment failed',
    required: 'Enter the relay address, the code and the device name.',
    help: 'A code works once only. If it expired or was already used, ask the prefect for a new one.',
    tooMany:
      'Too many refused codes: the relay accepts no attempt from this address for {{minutes}} min. Check the code meanwhile; only the last code the prefect gave you is valid.',
  },
);
