// Preloaded by DynaliteServer (node --require). The JVM keeps this process's stdin open for as long as
// it lives, so end of stdin means the JVM is gone - even after kill -9, when no shutdown hook runs -
// and dynalite must not outlive it.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
