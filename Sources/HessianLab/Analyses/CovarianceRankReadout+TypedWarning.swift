extension CovarianceRankReadout.Warning {
  /// The warning with its ``WarningCode`` (``WarningCode/countedMayBeFlat`` or
  /// ``WarningCode/uncountedBelowNullEdge``) and its ``message``.
  public var typed: HessianLab.Warning {
    switch self {
    case .countedMayBeFlat: HessianLab.Warning(.countedMayBeFlat, message)
    case .uncountedBelowNullEdge: HessianLab.Warning(.uncountedBelowNullEdge, message)
    }
  }
}
