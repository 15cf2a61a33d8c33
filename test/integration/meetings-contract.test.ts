import { defineMeetingsContract } from '../contract/meetings-contract.js';
import { ADAPTERS } from '../contract/adapters.js';

for (const [name, open] of ADAPTERS) defineMeetingsContract(name, open);
