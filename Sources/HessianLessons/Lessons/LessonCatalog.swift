/// Every lesson program, in course order. Each has a manifest entry and a
/// folder `lessons/NN-id/` (checked by the lesson tests).
public enum LessonCatalog {
  /// The programs with their correct defaults.
  public static let all: [any LessonProgram] = [
    Lesson01HessianRank(),
    Lesson02HessianVectorProducts(),
    Lesson03LanczosMultiplicity(),
    Lesson04NumericalRank(),
    Lesson05StochasticSpectra(),
    Lesson06CovarianceQuadratic(),
    Lesson07DimensionCost(),
    Lesson08DegenerateReadout(),
    Lesson09NonQuadraticSelection(),
    Lesson10RankBoundsLLC(),
    Lesson11MeasuringLLC(),
    Lesson12WhichRoute(),
    Lesson13NetworkSymmetries(),
    Lesson14NumericalError(),
    Lesson15YourOwnModel(),
    Lesson16ReadingAClaim(),
  ]

  /// The program for lesson `number`, if any.
  public static func program(number: Int) -> (any LessonProgram)? { all.first { $0.number == number } }
}
