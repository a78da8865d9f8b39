/**
 * The durable change log (unsynchronized and synchronized changes) and the notifier that delivers committed changes to listeners.
 */
package io.offlinestore.engine.change;
