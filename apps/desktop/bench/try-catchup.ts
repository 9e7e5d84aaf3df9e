import { benchCatchUp } from './catchup';
console.log(await benchCatchUp());
process.exit(0);
