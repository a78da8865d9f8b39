/**
 * Document ids: the generator for documents created without one, and the normalised form ids are compared and encoded in.
 */
package io.offlinestore.engine.id;
