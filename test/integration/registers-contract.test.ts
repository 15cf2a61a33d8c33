import { defineRegistersContract } from '../contract/registers-contract.js';
import { ADAPTERS } from '../contract/adapters.js';

for (const [name, open] of ADAPTERS) defineRegistersContract(name, open);
