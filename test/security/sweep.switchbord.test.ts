import { describeDialectSweep } from './dialect-sweep.js';

describeDialectSweep('switchbord');
