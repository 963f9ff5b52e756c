/// `hessian-lab describe` as one library call: a landscape's known answers
/// (``LandscapeReport``) and, for a polynomial, its expanded form. Free: no
/// loss evaluations and no HVPs.
public enum DescribeAnalysis {
  /// The known answers of `landscape`, with the rank bounds on λ.
  public static func run(_ landscape: some Landscape) -> DescribeReport {
    DescribeReport(
      answers: LandscapeReport(landscape),
      expanded: (landscape as? PolynomialLandscape)?.polynomial.description)
  }
}
