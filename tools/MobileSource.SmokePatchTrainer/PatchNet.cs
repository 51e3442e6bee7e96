using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MobileSource.SmokePatchTrainer;

/// <summary>
/// Three 3x3 convolutions (16, 32, 32 channels; 2x2 max pooling after the first two) and two dense layers: about
/// 1.4 million multiply-adds for a 4x24x24 patch, a fraction of a millisecond per region. The forward pass gives the
/// logit; the exported model ends in a sigmoid (<see cref="OnnxExport"/>).
/// </summary>
internal sealed class PatchNet : nn.Module<Tensor, Tensor>
{
    public const int Hidden = 64;
    public readonly Conv2d Conv1, Conv2, Conv3;
    public readonly Linear Dense1, Dense2;
    private readonly Dropout _dropout = nn.Dropout(0.3);
    private readonly int _flat;

    public PatchNet(int channels, int size) : base(nameof(PatchNet))
    {
        Conv1 = nn.Conv2d(channels, 16, 3, padding: 1);
        Conv2 = nn.Conv2d(16, 32, 3, padding: 1);
        Conv3 = nn.Conv2d(32, 32, 3, padding: 1);
        _flat = 32 * (size / 4) * (size / 4);
        Dense1 = nn.Linear(_flat, Hidden);
        Dense2 = nn.Linear(Hidden, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = nn.functional.max_pool2d(nn.functional.relu(Conv1.forward(x)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(Conv2.forward(x)), 2);
        x = nn.functional.relu(Conv3.forward(x)).flatten(1);
        x = _dropout.forward(nn.functional.relu(Dense1.forward(x)));
        return Dense2.forward(x);
    }
}
