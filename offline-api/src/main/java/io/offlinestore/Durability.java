package io.offlinestore;

/** How far a commit has gone when it returns. */
public enum Durability {
    /** On stable storage: a committed write survives a killed process or a power cut. */
    SYNC,
    /** Handed to the operating system: fast, but a crash may lose the last commits (never half of one). */
    RELAXED
}
