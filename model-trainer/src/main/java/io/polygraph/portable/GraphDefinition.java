package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A stored graph's contents: the arrays it holds (weights and constants), its placeholders and its
 * ops, as read from the file.
 *
 * @param arrays float arrays by variable name
 * @param integerArrays integer arrays by variable name (shapes given to reshape ops)
 * @param placeholders placeholder shapes by name, -1 where a dimension is given at run time
 * @param nodes the ops, in the file's order
 */
record GraphDefinition(
        Map<String, Tensor> arrays,
        Map<String, long[]> integerArrays,
        Map<String, long[]> placeholders,
        List<GraphNode> nodes) {}
