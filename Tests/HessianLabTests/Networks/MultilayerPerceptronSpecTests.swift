import Testing
import HessianLab
@testable import HessianCore
@testable import HessianZoo

@Suite("MultilayerPerceptronSpec")
struct MultilayerPerceptronSpecTests {
  @Test("a full spec parses; the default teacher halves the hidden widths")
  func parses() throws {
    let s = try MultilayerPerceptronSpec("mlp:3-6-5-2:act=gelu:data=40:seed=9")
    #expect(s.widths == [3, 6, 5, 2] && s.activation == .gelu && s.sampleCount == 40 && s.seed == 9)
    #expect(s.teacherWidths == [3, 3, 2, 2])
    #expect(try MultilayerPerceptronSpec("mlp:2-1-2:act=relu:data=5:seed=0:teacher=2-1-2").teacherWidths == [2, 1, 2])
  }

  static let bad: [(String, String)] = [
    ("mlp:3:act=tanh:data=5:seed=1", "at least two widths"),
    ("mlp:3-0-2:act=tanh:data=5:seed=1", "width 2 ('0')"),
    ("mlp:3--2:act=tanh:data=5:seed=1", "width list"),
    ("mlp:3-4-2:data=5:seed=1", "missing ':act="),
    ("mlp:3-4-2:act=sigmoid:data=5:seed=1", "act=sigmoid is not one of"),
    ("mlp:3-4-2:act=tanh:seed=1", "missing ':data=N'"),
    ("mlp:3-4-2:act=tanh:data=0:seed=1", "data=0"),
    ("mlp:3-4-2:act=tanh:data=5", "missing ':seed=S'"),
    ("mlp:3-4-2:act=tanh:data=5:seed=-1", "seed '-1'"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:teacher=3-2", "same depth"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:teacher=2-2-2", "input and output widths"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:teacher=3-5-2", "wider than the student"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:seed=2", "given twice"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:train=0", "train=0 is not an integer from 1 to 100000"),
    ("mlp:3-4-2:act=tanh:data=5:seed=1:train=1:train=2", "given twice"),
  ]

  @Test("a bad spec is one line naming the spec", arguments: bad.map(\.0))
  func refused(_ text: String) throws {
    let expected = try #require(Self.bad.first { $0.0 == text }?.1)
    #expect { _ = try LandscapeSpec.resolve(text) } throws: { error in
      let message = (error as? InputError)?.description ?? ""
      return message.contains(text) && message.contains(expected) && !message.contains("\n")
    }
  }

  @Test("sizes are budgeted before allocating: d and the working set")
  func budgets() throws {
    #expect { _ = try LandscapeSpec.resolve("mlp:2000-2000-2:act=tanh:data=1:seed=1") } throws: {
      ($0 as? InputError)?.description.contains("too large") == true
    }
    #expect { _ = try LandscapeSpec.resolve("mlp:100000-100000:act=tanh:data=10000000:seed=1") } throws: {
      ($0 as? InputError)?.description.contains("too large") == true
    }
    #expect { _ = try LandscapeSpec.resolve("mlp:1000-1000-1000:act=tanh:data=10000000:seed=1") } throws: {
      ($0 as? InputError)?.description.contains("memory budget") == true
    }
  }
}
