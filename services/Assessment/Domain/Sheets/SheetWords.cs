using System.Globalization;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Domain.Sheets;

/// <summary>How sheets, rankings and their notes say ratings, grounds and figures in Chinese.</summary>
public static class SheetWords
{
    public static string Of(Rating rating) => rating switch
    {
        Rating.Excellent => "优秀",
        Rating.Good => "良好",
        Rating.Pass => "合格",
        _ => "不合格",
    };

    public static string Of(VetoGround ground) => ground switch
    {
        VetoGround.MajorAccident => "因履职不到位发生较大及以上环境污染事故",
        VetoGround.Concealment => "瞒报环境污染事故",
        VetoGround.PoorRescue => "事故救援不力致损失扩大或引发群体性事件",
        VetoGround.PoorRectification => "突出环境问题整改不力",
        _ => "一票否优",
    };

    /// <summary>A figure as a person writes it: up to two decimals, no trailing zeros (38, 37.5, 0.25).</summary>
    public static string Figure(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
