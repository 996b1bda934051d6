import { enableCompileCache } from 'node:module';

/**
 * Loading the modules is most of a command line's time: V8 keeps their compiled code under the OS temp
 * directory, so that the next run skips compiling them (nothing happens when that directory is not
 * writable). The CLI only: Node keeps every module's cache in memory for as long as the process lives
 * (~17 MiB for the server's modules), which a short command does not mind and a server does
 * (bench/analysis.md, "Memory at idle").
 */
enableCompileCache();
