"""A PyTorch MLP at a teacher minimum, served to HessianLab through hessianlab.torch.

A 3-8-2 tanh network (the student) is evaluated on the outputs of a teacher network with the
same architecture, at the teacher's weights: an exact minimum (loss 0). The Hessian there is the
Gauss–Newton matrix, of rank at most samples × outputs = 20 < d = 50. HVPs come from torch.func
(jvp of grad, vmapped over each block) in float64.

    pip install torch                        # not installed by scripts/test-python (too large)
    python3 examples/torch_mlp.py            # run the analyses in-process
    python3 examples/torch_mlp.py --serve    # be an oracle: hessian-lab rank 'oracle:python3 examples/torch_mlp.py --serve'
"""
import sys

import torch

from report import analyse, hessianlab
import hessianlab.torch  # noqa: E402

torch.manual_seed(0)
teacher = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2)).double()
inputs = torch.randn(10, 3, dtype=torch.float64)
with torch.no_grad():
    targets = teacher(inputs)

if __name__ == "__main__":
    oracle = hessianlab.torch.oracle(teacher, torch.nn.functional.mse_loss, (inputs, targets),
                                     name="PyTorch MLP 3-8-2 (teacher minimum)")
    if "--serve" in sys.argv[1:]:
        oracle.serve()
    print(f"d = {oracle.dimension}, loss at w* = {float(oracle.loss(oracle.point[None])[0]):.3g}")
    analyse(oracle)
