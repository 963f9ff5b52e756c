extension InputError {
  /// Why an input is unusable: text that may name parameters, written as a string
  /// literal with interpolations, e.g.
  /// `"the \(.plan) pilot needs more kept points; try \(setting: .kept, 48)"`.
  ///
  /// A named parameter is rendered by the front end (the command-line tool prints
  /// `--plan` and `--kept 48`; ``description`` prints the library's names), so
  /// library text never spells a command-line flag.
  public struct Phrase: Equatable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// One piece of a phrase.
    public enum Piece: Equatable, Sendable {
      /// Literal text.
      case text(String)
      /// A parameter, named by the front end.
      case parameter(Parameter)
      /// A parameter set to a value (`--kept 48`; library words `kept points n = 48`).
      case setting(Parameter, String)
    }

    /// The pieces in order.
    public let pieces: [Piece]

    /// A phrase of the given pieces.
    public init(pieces: [Piece]) { self.pieces = pieces }

    /// A phrase of plain text (no parameter names).
    public init(_ text: String) { self.pieces = [.text(text)] }

    /// A phrase of plain text, from a literal without interpolations.
    public init(stringLiteral value: String) { self.init(value) }

    /// A phrase from a literal with interpolations (text, parameters, settings, nested errors).
    public init(stringInterpolation: StringInterpolation) { self.pieces = stringInterpolation.pieces }

    /// The text with each parameter named by `name` (a setting reads `name value`
    /// when `name` gives a flag, `name = value` in the library's words).
    public func rendered(naming name: (Parameter) -> String) -> String {
      pieces.reduce(into: "") { out, piece in
        switch piece {
        case .text(let s): out += s
        case .parameter(let p): out += name(p)
        case .setting(let p, let v):
          let n = name(p)
          out += n.hasPrefix("-") ? "\(n) \(v)" : "\(n) = \(v)"
        }
      }
    }

    /// `lhs` followed by `rhs` (to split a long phrase over lines).
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
      var joined = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
      for piece in lhs.pieces + rhs.pieces { joined.append(piece) }
      return Phrase(stringInterpolation: joined)
    }

    /// The text in the library's words.
    public var description: String { rendered(naming: \.rawValue) }

    /// Builds a ``Phrase`` from a string literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
      var pieces: [Piece] = []

      /// An empty phrase under construction.
      public init(literalCapacity: Int, interpolationCount: Int) {}

      /// Literal text.
      public mutating func appendLiteral(_ literal: String) { append(.text(literal)) }

      /// Any value, as its text.
      public mutating func appendInterpolation<T>(_ value: T) { append(.text("\(value)")) }

      /// A parameter, named by the front end.
      public mutating func appendInterpolation(_ parameter: Parameter) { append(.parameter(parameter)) }

      /// A parameter set to `value` (`--kept 48`).
      public mutating func appendInterpolation<T>(setting parameter: Parameter, _ value: T) {
        append(.setting(parameter, "\(value)"))
      }

      /// Another input error's line, its parameters still named by the front end.
      public mutating func appendInterpolation(_ error: InputError) { for piece in error.pieces { append(piece) } }

      mutating func append(_ piece: Piece) {
        if case .text(let s) = piece, case .text(let last)? = pieces.last {
          pieces[pieces.count - 1] = .text(last + s)
        } else {
          pieces.append(piece)
        }
      }
    }
  }
}
