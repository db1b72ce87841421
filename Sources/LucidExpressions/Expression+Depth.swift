extension Expression {
  /// The direct subexpressions, left to right.
  var children: [Expression] {
    switch self {
    case .number, .name, .list: []
    case .negate(let operand, _), .transpose(let operand, _), .index(let operand, _, _): [operand]
    case .binary(_, let lhs, let rhs, _): [lhs, rhs]
    case .call(_, let arguments, _): arguments.map(\.value)
    }
  }

  /// The number of levels of the tree (1 for a leaf) and the column of its deepest node,
  /// found without recursion, so a tree of any height can be measured.
  var depth: (levels: Int, column: Int) {
    var deepest = (levels: 0, column: column)
    var stack: [(Expression, Int)] = [(self, 1)]
    while let (expression, level) = stack.popLast() {
      if level > deepest.levels { deepest = (level, expression.column) }
      for child in expression.children { stack.append((child, level + 1)) }
    }
    return deepest
  }
}
