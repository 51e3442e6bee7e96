using Google.Protobuf;
using Onnx;
using TorchSharp;

namespace MobileSource.SmokePatchTrainer;

/// <summary>
/// Writes a trained <see cref="PatchNet"/> as an ONNX graph (opset 13) for Microsoft.ML.OnnxRuntime: input "patch"
/// [n, channels, size, size], output "smoke" [n, 1], the sigmoid of the logit. TorchSharp has no ONNX exporter; the
/// graph is small enough to write node by node with OnnxSharp's protobuf classes.
/// </summary>
internal static class OnnxExport
{
    public static void Write(PatchNet net, int channels, int size, string path, string docString)
    {
        var graph = new GraphProto { Name = "smoke_patch" };
        graph.Input.Add(Value("patch", channels, size));
        graph.Output.Add(Value("smoke", null, null));
        var x = "patch";
        x = Conv(graph, "conv1", net.Conv1, x);
        x = Node(graph, "Relu", "relu1", x);
        x = Pool(graph, "pool1", x);
        x = Conv(graph, "conv2", net.Conv2, x);
        x = Node(graph, "Relu", "relu2", x);
        x = Pool(graph, "pool2", x);
        x = Conv(graph, "conv3", net.Conv3, x);
        x = Node(graph, "Relu", "relu3", x);
        var flat = Node(graph, "Flatten", "flatten", x);
        graph.Node[^1].Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        x = Dense(graph, "dense1", net.Dense1, flat);
        x = Node(graph, "Relu", "relu4", x);
        x = Dense(graph, "dense2", net.Dense2, x);
        graph.Node.Add(new NodeProto { OpType = "Sigmoid", Name = "sigmoid", Input = { x }, Output = { "smoke" } });
        var model = new ModelProto
        {
            IrVersion = 8, ProducerName = "MobileSource.SmokePatchTrainer", ModelVersion = 1, DocString = docString, Graph = graph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 13 } },
        };
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static ValueInfoProto Value(string name, int? channels, int? size)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "n" });
        if (channels is { } c && size is { } s)
            foreach (var d in new[] { c, s, s }) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        else shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static string Node(GraphProto graph, string op, string name, string input)
    {
        graph.Node.Add(new NodeProto { OpType = op, Name = name, Input = { input }, Output = { name } });
        return name;
    }

    private static string Conv(GraphProto graph, string name, TorchSharp.Modules.Conv2d conv, string input)
    {
        graph.Initializer.Add(Tensor(name + ".weight", conv.weight!));
        graph.Initializer.Add(Tensor(name + ".bias", conv.bias!));
        var node = new NodeProto { OpType = "Conv", Name = name, Input = { input, name + ".weight", name + ".bias" }, Output = { name } };
        var k = conv.weight!.shape[2];
        node.Attribute.Add(Ints("kernel_shape", k, k));
        node.Attribute.Add(Ints("pads", k / 2, k / 2, k / 2, k / 2));
        node.Attribute.Add(Ints("strides", 1, 1));
        graph.Node.Add(node);
        return name;
    }

    private static string Pool(GraphProto graph, string name, string input)
    {
        var node = new NodeProto { OpType = "MaxPool", Name = name, Input = { input }, Output = { name } };
        node.Attribute.Add(Ints("kernel_shape", 2, 2));
        node.Attribute.Add(Ints("strides", 2, 2));
        graph.Node.Add(node);
        return name;
    }

    private static string Dense(GraphProto graph, string name, TorchSharp.Modules.Linear dense, string input)
    {
        graph.Initializer.Add(Tensor(name + ".weight", dense.weight!));
        graph.Initializer.Add(Tensor(name + ".bias", dense.bias!));
        var node = new NodeProto { OpType = "Gemm", Name = name, Input = { input, name + ".weight", name + ".bias" }, Output = { name } };
        node.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(node);
        return name;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static TensorProto Tensor(string name, torch.Tensor t)
    {
        var p = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        p.Dims.AddRange(t.shape);
        p.FloatData.AddRange(t.detach().cpu().contiguous().data<float>().ToArray());
        return p;
    }
}
