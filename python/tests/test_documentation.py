"""Every public module, class, function and method of the package has a docstring."""
import ast
import os

import pytest

PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hessianlab")
MODULES = sorted(name for name in os.listdir(PACKAGE) if name.endswith(".py"))


def undocumented(path: str) -> "list[str]":
    tree = ast.parse(open(path, encoding="utf-8").read())
    missing = [] if ast.get_docstring(tree) else ["<module>"]

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                public = not child.name.startswith("_") or child.name == "__call__"
                if public and not ast.get_docstring(child):
                    missing.append(prefix + child.name)
                if isinstance(child, ast.ClassDef) and public:
                    visit(child, prefix + child.name + ".")
    visit(tree, "")
    return missing


@pytest.mark.parametrize("module", MODULES)
def test_public_symbols_have_docstrings(module):
    assert undocumented(os.path.join(PACKAGE, module)) == []


def test_the_check_sees_a_missing_docstring(tmp_path):
    path = tmp_path / "m.py"
    path.write_text('"""Module."""\ndef f():\n    pass\nclass C:\n    """C."""\n    def g(self):\n        pass\n')
    assert undocumented(str(path)) == ["f", "C.g"]
