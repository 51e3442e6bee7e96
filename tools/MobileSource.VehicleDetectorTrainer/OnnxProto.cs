using Onnx;
using TorchSharp;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>ONNX protobuf pieces both trainers' exporters write (the smoke patch trainer links this file).</summary>
internal static class OnnxProto
{
    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>A trained weight as a float initializer.</summary>
    public static TensorProto Tensor(string name, torch.Tensor t)
    {
        var p = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        p.Dims.AddRange(t.shape);
        p.FloatData.AddRange(t.detach().cpu().contiguous().data<float>().ToArray());
        return p;
    }
}
