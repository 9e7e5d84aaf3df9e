import { benchQueue } from './queue';
console.log(await benchQueue());
process.exit(0);
