using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MobileSource.SmokePatchTrainer;

/// <summary>
/// A small classifier over a 6-channel 32x32 smoke patch (frame BGR, background BGR): two 3x3 convolutions at 32, 16
/// and 8 pixels with 2x2 max pooling between them, global average pooling and one linear layer to two outputs: the
/// smoke logit and the Ringelmann level / 5 (trained on smoke patches only). About 9 million multiply-adds per patch.
/// The layer names are those of the exported ONNX graph (<see cref="PatchOnnxExport"/>). The province glyph verifier
/// (tools/MobileSource.PlateGlyphTrainer) is the same network over one grey channel with one output.
/// </summary>
internal sealed class PatchNet : nn.Module<Tensor, Tensor>
{
    public const int Side = 32;
    public const int InputChannels = 6;
    public const int Outputs = 2;
    public readonly Conv2d Conv1, Conv2, Conv3, Conv4, Conv5, Conv6;
    public readonly Linear Head;

    /// <param name="channels">Input channels (default: the smoke patch's six).</param>
    /// <param name="outputs">Outputs of the head (default: smoke logit and level).</param>
    public PatchNet(int channels = InputChannels, int outputs = Outputs) : base(nameof(PatchNet))
    {
        Channels = channels;
        OutputCount = outputs;
        Conv1 = nn.Conv2d(channels, 16, 3, padding: 1);
        Conv2 = nn.Conv2d(16, 16, 3, padding: 1);
        Conv3 = nn.Conv2d(16, 32, 3, padding: 1);
        Conv4 = nn.Conv2d(32, 32, 3, padding: 1);
        Conv5 = nn.Conv2d(32, 64, 3, padding: 1);
        Conv6 = nn.Conv2d(64, 64, 3, padding: 1);
        Head = nn.Linear(64, outputs);
        RegisterComponents();
    }

    public int Channels { get; }
    public int OutputCount { get; }

    public override Tensor forward(Tensor x)
    {
        var x16 = Pool(Relu(Conv2, Relu(Conv1, x)));
        var x8 = Pool(Relu(Conv4, Relu(Conv3, x16)));
        var x4 = Relu(Conv6, Relu(Conv5, x8));
        return Head.forward(x4.mean([2, 3]));
    }

    private static Tensor Relu(Conv2d conv, Tensor x) => nn.functional.relu(conv.forward(x));

    private static Tensor Pool(Tensor x) => nn.functional.max_pool2d(x, 2, 2);
}
