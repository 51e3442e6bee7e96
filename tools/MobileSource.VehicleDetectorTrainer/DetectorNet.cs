using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>
/// A small encoder-decoder over the frame and the road background (6 channels): 3x3 convolutions down to 1/16 of the
/// image (the last one dilated, so a near truck of 180 analysis pixels is seen whole), then up twice with the 1/8 and
/// 1/4 features joined in, to the 1/4 grid the <c>CenterDecoder</c> reads (5 planes per cell). About 150 million
/// multiply-adds for a 320x192 image. The layer names are those of the exported ONNX graph (<see cref="OnnxExport"/>).
/// </summary>
internal sealed class DetectorNet : nn.Module<Tensor, Tensor>
{
    public const int InputChannels = 6;
    public readonly Conv2d Down1, Down2, Same4, Down8, Same8, Down16, Same16, Wide16, Join8, Mix8, Join4, Mix4, Head;

    public DetectorNet() : base(nameof(DetectorNet))
    {
        Down1 = nn.Conv2d(InputChannels, 16, 3, stride: 2, padding: 1);
        Down2 = nn.Conv2d(16, 24, 3, stride: 2, padding: 1);
        Same4 = nn.Conv2d(24, 24, 3, padding: 1);
        Down8 = nn.Conv2d(24, 48, 3, stride: 2, padding: 1);
        Same8 = nn.Conv2d(48, 48, 3, padding: 1);
        Down16 = nn.Conv2d(48, 64, 3, stride: 2, padding: 1);
        Same16 = nn.Conv2d(64, 64, 3, padding: 1);
        Wide16 = nn.Conv2d(64, 64, 3, padding: 2, dilation: 2);
        Join8 = nn.Conv2d(64 + 48, 48, 1);
        Mix8 = nn.Conv2d(48, 48, 3, padding: 1);
        Join4 = nn.Conv2d(48 + 24, 24, 1);
        Mix4 = nn.Conv2d(24, 24, 3, padding: 1);
        Head = nn.Conv2d(24, 5, 1);
        RegisterComponents();
        // Start the centre logits low (CenterNet's prior of 0.1): nearly every cell is empty road.
        using (no_grad()) Head.bias![0].fill_(-2.19f);
    }

    public override Tensor forward(Tensor x)
    {
        var f4 = Relu(Same4, Relu(Down2, Relu(Down1, x)));
        var f8 = Relu(Same8, Relu(Down8, f4));
        var f16 = Relu(Wide16, Relu(Same16, Relu(Down16, f8)));
        var u8 = Relu(Mix8, Relu(Join8, cat([Up(f16), f8], 1)));
        var u4 = Relu(Mix4, Relu(Join4, cat([Up(u8), f4], 1)));
        return Head.forward(u4);
    }

    private static Tensor Relu(Conv2d conv, Tensor x) => nn.functional.relu(conv.forward(x));

    private static Tensor Up(Tensor x) => nn.functional.interpolate(x, scale_factor: [2, 2], mode: InterpolationMode.Nearest);
}
