package io.offlinestore.schema;

/** What deleting a parent does to the children of a one-to-many relationship. */
public enum OnDelete {
    /** Nothing: children keep their foreign key. */
    NONE,
    /** The delete fails while children refer to the parent. */
    RESTRICT,
    /** The children are deleted too (applying their own rules), in the same commit. */
    CASCADE,
    /** The children's foreign key is set to null, in the same commit. */
    SET_NULL
}
