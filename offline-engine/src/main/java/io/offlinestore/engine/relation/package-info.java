/**
 * Relationships: loading included related documents a page at a time, and the delete rules a parent's deletion applies to its children.
 */
package io.offlinestore.engine.relation;
