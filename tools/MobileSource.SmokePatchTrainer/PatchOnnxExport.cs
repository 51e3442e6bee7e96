using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
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

    /// <param name="graphName">The graph's name; <paramref name="input"/> the input's ("patch" for the smoke patch network).</param>
    /// <param name="metadata">The model's metadata_props, e.g. the province a glyph verifier verifies.</param>
    public static void Write(PatchNet net, string path, string docString, string graphName = "smoke_patch", string input = Input,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var graph = new GraphProto { Name = graphName };
        graph.Input.Add(Value(input, [-1, net.Channels, PatchNet.Side, PatchNet.Side]));
        graph.Output.Add(Value(Output, [-1, net.OutputCount]));
        var x16 = Pool(graph, "pool1", Relu(graph, net.Conv2, nameof(net.Conv2), Relu(graph, net.Conv1, nameof(net.Conv1), input)));
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
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    /// <summary>
    /// The largest difference between OnnxRuntime's output for the exported model at <paramref name="path"/> and the
    /// trained network's, on <paramref name="batch"/> (fed as the graph's input named <paramref name="input"/>).
    /// </summary>
    public static double MaxDifference(string path, PatchNet net, string input, torch.Tensor batch)
    {
        using var session = new InferenceSession(path);
        net.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var expected = net.forward(batch).contiguous().data<float>().ToArray();
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(batch.contiguous().data<float>().ToArray(), batch.shape.Select(d => (int)d).ToArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, tensor)]);
        var actual = results[0].AsTensor<float>().ToArray();
        return expected.Select((e, i) => (double)Math.Abs(actual[i] - e)).Max();
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
