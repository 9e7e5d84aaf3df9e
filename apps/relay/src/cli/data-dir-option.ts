import { Option } from 'commander';

/** `--data-dir`: the folder of the relay's data file, for every command that opens it. */
export const dataDirOption = (): Option =>
  new Option('-d, --data-dir <dir>', 'folder of the relay data file').env('CONTACT_DESK_DATA_DIR').default('.data');
