import { main } from './main.js';

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
