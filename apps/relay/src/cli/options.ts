import { Option } from 'commander';

/** `--data-dir`, the same on every command. */
export const dataDirOption = () =>
  new Option('-d, --data-dir <dir>', 'folder of the relay data file').env('CONTACT_DESK_DATA_DIR').default('.data');
