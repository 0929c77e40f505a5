using Ducha.Reference.Jurisdictions;

namespace Ducha.Reference.Tests;

public sealed class JurisdictionTreeTests
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();

    private static List<string> ChildNames(string code) => Tree.Children(code).Select(j => j.Name).ToList();

    [Fact]
    public void All_31_mainland_provinces_are_present()
    {
        var provinces = Tree.Provinces.Select(p => p.Name).ToList();

        Assert.Equal(31, provinces.Count);
        Assert.Contains("江苏省", provinces);
        Assert.Contains("新疆维吾尔自治区", provinces);
        Assert.Contains("重庆市", provinces);
        Assert.DoesNotContain(provinces, p => p.Contains("香港") || p.Contains("台湾"));
    }

    [Fact]
    public void Jiangsu_has_its_13_cities()
    {
        var jiangsu = Assert.Single(Tree.FindByName("江苏省"));

        var cities = ChildNames(jiangsu.Code);

        Assert.Equal(13, cities.Count);
        Assert.Equal(["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市"], cities);
        Assert.All(Tree.Children(jiangsu.Code), c => Assert.Equal(JurisdictionLevel.City, c.Level));
    }

    [Fact]
    public void Suzhou_includes_its_districts_county_level_cities_and_the_industrial_park()
    {
        var suzhou = Assert.Single(Tree.FindByName("苏州市"));

        var children = ChildNames(suzhou.Code);

        foreach (var name in new[] { "姑苏区", "吴中区", "相城区", "吴江区", "虎丘区", "张家港市", "常熟市", "太仓市", "昆山市", "苏州工业园区" })
            Assert.Contains(name, children);
        var park = Assert.Single(Tree.FindByName("苏州工业园区"));
        Assert.Equal(JurisdictionLevel.County, park.Level);
        Assert.Equal("320500", park.ParentCode);
    }

    [Theory]
    [InlineData("濮阳市", "河南省", "濮阳县")]
    [InlineData("丽水市", "浙江省", "龙泉市")]
    public void Puyang_and_Lishui_have_their_counties(string city, string province, string county)
    {
        var node = Assert.Single(Tree.FindByName(city));

        Assert.Equal(province, Tree.Parent(node.Code)!.Name);
        Assert.Contains(county, ChildNames(node.Code));
        Assert.True(Tree.Children(node.Code).Count >= 5);
    }

    [Fact]
    public void Subtree_membership_follows_the_tree_and_not_sibling_branches()
    {
        Assert.True(Tree.IsWithin("320505", "320000"));   // 虎丘区 in 江苏省
        Assert.True(Tree.IsWithin("320505", "320500"));   // in 苏州市
        Assert.True(Tree.IsWithin("320505", "320505"));   // itself
        Assert.False(Tree.IsWithin("320506", "320505"));  // 吴中区 is a sibling of 虎丘区
        Assert.False(Tree.IsWithin("320205", "320500"));  // 无锡 is not in 苏州
        Assert.False(Tree.IsWithin("320500", "320505"));  // a city is not inside its county
        Assert.False(Tree.IsWithin("999999", "320000"));  // unknown codes are inside nothing
    }

    [Fact]
    public void Ancestors_run_from_the_parent_to_the_province()
    {
        var ancestors = Tree.Ancestors("320576").Select(j => j.Name).ToList();

        Assert.Equal(["苏州市", "江苏省"], ancestors);
        Assert.Empty(Tree.Ancestors("320000"));
        Assert.Equal(JurisdictionLevel.Province, Tree.Get("320000").Level);
    }

    [Fact]
    public void Names_that_repeat_across_provinces_are_all_found()
    {
        Assert.True(Tree.FindByName("朝阳区").Count >= 2); // Beijing and Changchun
    }
}
