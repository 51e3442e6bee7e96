using System.Globalization;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static MobileSource.VehicleDetectorTrainer.OnnxProto;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>
/// Writes a trained <see cref="DetectorNet"/> as an ONNX graph (opset 13) for Microsoft.ML.OnnxRuntime: input "image"
/// [n, 6, h, w] (h and w multiples of 16), output "grid" [n, 5, h/4, w/4], and the chosen centre threshold as the
/// metadata property "threshold". TorchSharp has no ONNX exporter; the graph is small enough to write node by node
/// with OnnxSharp's protobuf classes.
/// </summary>
internal static class OnnxExport
{
    public static void Write(DetectorNet net, string path, float threshold, string docString)
    {
        var graph = new GraphProto { Name = "vehicle_detector" };
        graph.Input.Add(Value("image", DetectorNet.InputChannels));
        graph.Output.Add(Value("grid", 5));
        var scales = new TensorProto { Name = "up.scales", DataType = (int)TensorProto.Types.DataType.Float };
        scales.Dims.Add(4);
        scales.FloatData.AddRange([1f, 1f, 2f, 2f]);
        graph.Initializer.Add(scales);
        var f4 = Relu(graph, net.Same4, nameof(net.Same4), Relu(graph, net.Down2, nameof(net.Down2), Relu(graph, net.Down1, nameof(net.Down1), "image")));
        var f8 = Relu(graph, net.Same8, nameof(net.Same8), Relu(graph, net.Down8, nameof(net.Down8), f4));
        var f16 = Relu(graph, net.Wide16, nameof(net.Wide16), Relu(graph, net.Same16, nameof(net.Same16), Relu(graph, net.Down16, nameof(net.Down16), f8)));
        var u8 = Relu(graph, net.Mix8, nameof(net.Mix8), Relu(graph, net.Join8, nameof(net.Join8), Concat(graph, "cat8", Up(graph, "up8", f16), f8)));
        var u4 = Relu(graph, net.Mix4, nameof(net.Mix4), Relu(graph, net.Join4, nameof(net.Join4), Concat(graph, "cat4", Up(graph, "up4", u8), f4)));
        var head = Conv(graph, net.Head, nameof(net.Head), u4);
        graph.Node.Add(new NodeProto { OpType = "Identity", Name = "grid", Input = { head }, Output = { "grid" } });
        var model = new ModelProto
        {
            IrVersion = 8, ProducerName = "MobileSource.VehicleDetectorTrainer", ModelVersion = 1, DocString = docString, Graph = graph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } },
        };
        model.MetadataProps.Add(new StringStringEntryProto { Key = "threshold", Value = threshold.ToString("0.###", CultureInfo.InvariantCulture) });
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static ValueInfoProto Value(string name, int channels)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "n" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = channels });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = name + "_height" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = name + "_width" });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static string Relu(GraphProto graph, Conv2d conv, string name, string input)
    {
        var x = Conv(graph, conv, name, input);
        graph.Node.Add(new NodeProto { OpType = "Relu", Name = name + ".relu", Input = { x }, Output = { name + ".relu" } });
        return name + ".relu";
    }

    private static string Conv(GraphProto graph, Conv2d conv, string name, string input)
    {
        graph.Initializer.Add(Tensor(name + ".weight", conv.weight!));
        graph.Initializer.Add(Tensor(name + ".bias", conv.bias!));
        var node = new NodeProto { OpType = "Conv", Name = name, Input = { input, name + ".weight", name + ".bias" }, Output = { name } };
        var k = conv.weight!.shape[2];
        var (stride, padding, dilation) = (conv.stride[0], conv.padding![0], conv.dilation[0]);
        node.Attribute.Add(Ints("kernel_shape", k, k));
        node.Attribute.Add(Ints("pads", padding, padding, padding, padding));
        node.Attribute.Add(Ints("strides", stride, stride));
        node.Attribute.Add(Ints("dilations", dilation, dilation));
        graph.Node.Add(node);
        return name;
    }

    /// <summary>Nearest-neighbour doubling, as torch's interpolate(scale_factor 2, nearest) does it.</summary>
    private static string Up(GraphProto graph, string name, string input)
    {
        var node = new NodeProto { OpType = "Resize", Name = name, Input = { input, "", "up.scales" }, Output = { name } };
        node.Attribute.Add(new AttributeProto { Name = "mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("nearest") });
        node.Attribute.Add(new AttributeProto { Name = "coordinate_transformation_mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("asymmetric") });
        node.Attribute.Add(new AttributeProto { Name = "nearest_mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("floor") });
        graph.Node.Add(node);
        return name;
    }

    private static string Concat(GraphProto graph, string name, string a, string b)
    {
        var node = new NodeProto { OpType = "Concat", Name = name, Input = { a, b }, Output = { name } };
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(node);
        return name;
    }
}
