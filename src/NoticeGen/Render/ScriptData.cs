using Scriban.Runtime;

namespace NoticeGen.Render;

/// <summary>Builds the plain objects templates see, so nothing but the values we choose is reachable from a template.</summary>
public static class ScriptData
{
    public static ScriptObject Object(params (string Key, object? Value)[] members)
    {
        // Sized up front: a page's model is thousands of these objects, and growing each one's table was a tenth of its cost.
        var result = new ScriptObject(members.Length);
        foreach (var (key, value) in members)
        {
            result.SetValue(key, value, readOnly: true);
        }

        return result;
    }

    public static ScriptObject WithParams(ScriptObject target, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        foreach (var (key, value) in parameters)
        {
            if (!target.ContainsKey(key))
            {
                target.SetValue(key, value, readOnly: true);
            }
        }

        return target;
    }

    public static ScriptArray Array<T>(IEnumerable<T> items, Func<T, object?> map)
    {
        var result = items is IReadOnlyCollection<T> known ? new ScriptArray(known.Count) : new ScriptArray();
        foreach (var item in items)
        {
            result.Add(map(item));
        }

        return result;
    }
}
