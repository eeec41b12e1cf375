import { describeFaultMatrix } from './fault-matrix.js';

describeFaultMatrix('qlara');
