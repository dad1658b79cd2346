// Loaded with `node --import`: records every module URL the process resolves
// into the file named by LIVEBLOG_IMPORT_LOG, so a test can check what a mode loaded.
import {register} from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, {data: {log: process.env.LIVEBLOG_IMPORT_LOG}});
