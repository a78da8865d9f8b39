/** Query semantics over document trees: field paths, the filter evaluator and sort order. */
package io.offlinestore.engine.query;
