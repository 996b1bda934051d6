import { enableCompileCache } from 'node:module';

/**
 * Loading the modules is most of the start-up time: V8 keeps their compiled code under the OS temp
 * directory, so that a restart skips compiling them (nothing happens when that directory is not writable).
 */
enableCompileCache();
