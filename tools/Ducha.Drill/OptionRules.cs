using System.CommandLine;
using System.Globalization;
using Ducha.Drill.Target;

namespace Ducha.Drill;

/// <summary>
/// What the drill's options accept. A value outside it is refused while the command line is read, with the option named,
/// so nothing is sent to a deployment; without these, a negative count or a word where a number belongs failed half-way
/// through a run with a stack trace, or ran a drill of no days.
/// </summary>
internal static class OptionRules
{
    /// <summary>More concurrent callers than this measure the drill's own machine, and the SQLite floor opens a connection for each.</summary>
    public const int MaxCallers = 256;

    public static Option<int> Within(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max) r.AddError(OutOfRange(option.Name, min, max, value.ToString(CultureInfo.InvariantCulture)));
        });
        return option;
    }

    public static Option<double> Within(this Option<double> option, double min, double max)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (!(value >= min && value <= max)) r.AddError(OutOfRange(option.Name, min, max, value.ToString(CultureInfo.InvariantCulture)));
        });
        return option;
    }

    /// <summary>
    /// A file the drill writes when it has finished: refused now if it could not be written then, so a run of many minutes
    /// does not end in an exception at its last step.
    /// </summary>
    public static Option<T> FileToWrite<T>(this Option<T> option) where T : class?
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<T>() is not string path) return;
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                r.AddError($"{option.Name} 须为文件路径，给的是 '{path}'");
                return;
            }
            if (Directory.Exists(full)) r.AddError($"{option.Name} '{path}' 是一个目录，须为文件路径");
            else if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder)) r.AddError($"{option.Name} 的目录 '{folder}' 不存在");
        });
        return option;
    }

    /// <summary>A province-level code of the national division: two digits and four zeros (江苏省 320000).</summary>
    public static Option<string> ProvinceCode(this Option<string> option)
    {
        option.Validators.Add(r =>
        {
            var code = r.GetValueOrDefault<string>() ?? "";
            if (code.Length != 6 || !code.All(char.IsAsciiDigit) || !code.EndsWith("0000", StringComparison.Ordinal) || code.StartsWith('0'))
                r.AddError($"{option.Name} 须为省级行政区代码（六位数字、后四位为 0，如江苏省 320000），给的是 '{code}'");
        });
        return option;
    }

    /// <summary>
    /// drill load's rising levels: whole numbers from 1 to <see cref="MaxCallers"/>, separated by commas; none at all
    /// (<c>--callers ""</c>) skips the rising load. Without the option, <paramref name="defaults"/>.
    /// </summary>
    public static Option<CallerLevels> CallerLevels(string name, string description, CallerLevels defaults) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ExactlyOne,
        DefaultValueFactory = _ => defaults,
        CustomParser = r =>
        {
            // Asked for the implicit value, the parser would otherwise read no levels where the defaults belong.
            if (r.Tokens.Count == 0) return defaults;
            var levels = new List<int>();
            foreach (var token in r.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var callers) || callers < 1 || callers > MaxCallers)
                {
                    r.AddError($"{name} 须为以逗号分隔的 1–{MaxCallers} 之间的整数（如 1,4,8,16），'{token}' 不是");
                    return defaults;
                }
                levels.Add(callers);
            }
            return new CallerLevels(levels);
        },
    };

    /// <summary>
    /// Each <c>--service</c> names one of the five services and its absolute http(s) address: <c>exposure=http://localhost:5102</c>.
    /// Given several times or several to a token; without the option, none.
    /// </summary>
    public static Option<IReadOnlyDictionary<string, Uri>> ServiceAddresses(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => new Dictionary<string, Uri>(),
        CustomParser = r =>
        {
            var services = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var entry in r.Tokens.Select(t => t.Value))
            {
                var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !DrillTarget.ServiceNames.Contains(parts[0], StringComparer.Ordinal))
                {
                    r.AddError($"{name} 须为 服务名=地址，服务名为 {string.Join("、", DrillTarget.ServiceNames)} 之一，'{entry}' 不是");
                    return services;
                }
                if (!Uri.TryCreate(parts[1], UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                {
                    r.AddError($"{name} {parts[0]} 的地址 '{parts[1]}' 不是 http(s) 地址，例如 http://localhost:5102");
                    return services;
                }
                services[parts[0]] = address;
            }
            return services;
        },
    };

    private static string OutOfRange(string name, double min, double max, string given) =>
        $"{name} 须在 {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)} 之间，给的是 {given}";
}

/// <summary>drill load's rising numbers of callers; shown in the help as they are typed (<c>1,4,8,16</c>).</summary>
public sealed record CallerLevels(IReadOnlyList<int> Levels)
{
    public override string ToString() => string.Join(',', Levels);
}
