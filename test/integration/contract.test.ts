import { defineContract } from '../contract/contract.js';
import { ADAPTERS } from '../contract/adapters.js';

for (const [name, open] of ADAPTERS) defineContract(name, open);
