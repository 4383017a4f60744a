// zod compiles fast parsers with `new Function` when it can. Extension pages and content scripts
// run under a CSP without 'unsafe-eval' (security.md S1, S3): tell zod not to try.
import { z } from 'zod';

z.config({ jitless: true });
