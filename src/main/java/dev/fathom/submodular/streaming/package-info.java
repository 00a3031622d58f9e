/**
 * Streaming maximization: {@link dev.fathom.submodular.streaming.SieveStreaming sieve streaming}
 * with the original adaptive rule or the fixed threshold of sieve-streaming++, one pass over the
 * elements in memory {@code O(k log(k) / eps)}.
 */
package dev.fathom.submodular.streaming;
