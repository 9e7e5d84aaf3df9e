import { benchFlush } from './flush';
console.log(await benchFlush());
process.exit(0);
