import { Option } from 'commander';

/** `--data-dir`: the folder of the relay's data file, for every command that opens it. */
export const dataDirOption = (): Option =>
  new Option('-d, --data-dir <dir>', 'folder of the relay data file').env('CONTACT_DESK_DATA_DIR').default('.data');

/**
 * `--database-url`: keep the record in PostgreSQL instead of the data folder's SQLite file, so
 * that several relay nodes share it (docs/deployment.md). The CLI's other commands read the same
 * variable.
 */
export const databaseUrlOption = (): Option =>
  new Option('--database-url <url>', 'PostgreSQL database of the record (postgres://…), shared by every relay node').env(
    'CONTACT_DESK_DATABASE_URL',
  );
