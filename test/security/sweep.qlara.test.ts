import { describeDialectSweep } from './dialect-sweep.js';

describeDialectSweep('qlara');
