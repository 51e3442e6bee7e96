using Google.Protobuf;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static MobileSource.VehicleDetectorTrainer.OnnxProto;

namespace MobileSource.SmokePatchTrainer;

/// <summary>
/// Writes a trained <see cref="PatchNet"/> as an ONNX graph (opset 13) for Microsoft.ML.OnnxRuntime: input "patch"
/// [n, 6, 32, 32] (bytes / 255 - 0.5), output "out" [n, 2] (smoke logit, level / 5). TorchSharp has no ONNX exporter;
/// the graph is written node by node with OnnxSharp's protobuf classes.
/// </summary>
internal static class PatchOnnxExport
{
    public const string Input = "patch";
    public const string Output = "out";

    public static void Write(PatchNet net, string path, string docString)
    {
        var graph = new GraphProto { Name = "smoke_patch" };
        graph.Input.Add(Value(Input, [-1, PatchNet.InputChannels, PatchNet.Side, PatchNet.Side]));
        graph.Output.Add(Value(Output, [-1, PatchNet.Outputs]));
        var x16 = Pool(graph, "pool1", Relu(graph, net.Conv2, nameof(net.Conv2), Relu(graph, net.Conv1, nameof(net.Conv1), Input)));
        var x8 = Pool(graph, "pool2", Relu(graph, net.Conv4, nameof(net.Conv4), Relu(graph, net.Conv3, nameof(net.Conv3), x16)));
        var x4 = Relu(graph, net.Conv6, nameof(net.Conv6), Relu(graph, net.Conv5, nameof(net.Conv5), x8));
        var mean = new NodeProto { OpType = "ReduceMean", Name = "mean", Input = { x4 }, Output = { "mean" } };
        mean.Attribute.Add(Ints("axes", 2, 3));
        mean.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(mean);
        graph.Initializer.Add(Tensor("Head.weight", net.Head.weight!));
        graph.Initializer.Add(Tensor("Head.bias", net.Head.bias!));
        var gemm = new NodeProto { OpType = "Gemm", Name = "Head", Input = { "mean", "Head.weight", "Head.bias" }, Output = { Output } };
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(gemm);
        var model = new ModelProto
        {
            IrVersion = 8, ProducerName = "MobileSource.SmokePatchTrainer", ModelVersion = 1, DocString = docString, Graph = graph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } },
        };
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static ValueInfoProto Value(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "n" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static string Relu(GraphProto graph, Conv2d conv, string name, string input)
    {
        graph.Initializer.Add(Tensor(name + ".weight", conv.weight!));
        graph.Initializer.Add(Tensor(name + ".bias", conv.bias!));
        var node = new NodeProto { OpType = "Conv", Name = name, Input = { input, name + ".weight", name + ".bias" }, Output = { name } };
        node.Attribute.Add(Ints("kernel_shape", 3, 3));
        node.Attribute.Add(Ints("pads", 1, 1, 1, 1));
        graph.Node.Add(node);
        graph.Node.Add(new NodeProto { OpType = "Relu", Name = name + ".relu", Input = { name }, Output = { name + ".relu" } });
        return name + ".relu";
    }

    private static string Pool(GraphProto graph, string name, string input)
    {
        var node = new NodeProto { OpType = "MaxPool", Name = name, Input = { input }, Output = { name } };
        node.Attribute.Add(Ints("kernel_shape", 2, 2));
        node.Attribute.Add(Ints("strides", 2, 2));
        graph.Node.Add(node);
        return name;
    }
}
