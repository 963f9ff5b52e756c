import ArgumentParser

/// Every subcommand of `hessian-lab`, in the order `--help` lists them.
enum CommandRegistry {
  static let all: [any ParsableCommand.Type] = [
    RankCommand.self,
    SpectrumCommand.self,
    HessianCommand.self,
    LandscapesCommand.self,
    DescribeCommand.self,
    ServeCommand.self,
    CovarianceCommand.self,
    ReproduceCommand.self,
    LLCCommand.self,
    LessonCommand.self,
    CompareCommand.self,
    VerifyCommand.self,
    CheckCommand.self,
    TourCommand.self,
    BenchCommand.self,
  ]
}
