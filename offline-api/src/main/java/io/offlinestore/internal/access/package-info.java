/**
 * The engine's zero-copy access to documents' trees ({@link io.offlinestore.internal.access.DocumentTrees});
 * not public API, and used by no module but the engine.
 */
package io.offlinestore.internal.access;
