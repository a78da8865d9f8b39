package io.offlinestore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.QueryException;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON filter and query forms, parsed into the same tree the fluent builder makes. */
class FilterParserTest {

    private static Filter parse(String json) {
        return Filters.parse(json.replace('\'', '"'));
    }

    @Test
    void jsonAndBuilderGiveTheSameTree() {
        assertEquals(Filters.where("role").eq("admin").and(Filters.where("age").gt(30)),
                parse("{'role':'admin','age':{'$gt':30}}"));
        assertEquals(Filters.where("age").between(18, 65), parse("{'age':{'$gte':18,'$lte':65}}"));
        assertEquals(Filters.or(Filters.where("a").in(1, 2), Filters.where("b").exists(false)),
                parse("{'$or':[{'a':{'$in':[1,2]}},{'b':{'$exists':false}}]}"));
        assertEquals(Filters.where("age").not().gt(5), parse("{'age':{'$not':{'$gt':5}}}"));
        assertEquals(Filters.where("name").regex("^a", "i"), parse("{'name':{'$regex':'^a','$options':'i'}}"));
        assertEquals(Filters.where("s").elemMatch(Filters.where("x").eq(1)), parse("{'s':{'$elemMatch':{'x':1}}}"));
        assertEquals(Filters.all(), parse("{}"));
    }

    @Test
    void canonicalJsonRoundTrips() {
        Filter filter = parse("{'$nor':[{'a':{'$size':2}},{'t':{'$all':['x','y']}}],'c.d':{'$lt':3,'$ne':null}}");
        assertEquals(filter, Filters.parse(filter.toString()));
    }

    @Test
    void queryFormCarriesSortAndPaging() {
        Query query = Query.parse(("{'filters':{'role':'admin'},'sort':[{'field':'name','direction':'desc'},'age'],"
                + "'limit':10,'offset':5}").replace('\'', '"'));
        assertEquals(Filters.where("role").eq("admin"), query.filter());
        assertEquals(List.of(new SortKey("name", Direction.DESC), new SortKey("age", Direction.ASC)), query.sort());
        assertEquals(OptionalInt.of(10), query.limit());
        assertEquals(5, query.offset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'a':{'$in':5}}                         | a.$in",
        "{'a':{'$nin':{}}}                       | a.$nin",
        "{'a':{'$bogus':1}}                      | a.$bogus",
        "{'$bogus':[]}                           | $bogus",
        "{'$and':{}}                             | $and",
        "{'$or':[]}                              | $or",
        "{'$or':[{'a':{'$gt':1}}, 3]}            | $or[1]",
        "{'a':{'$gt':1,'b':2}}                   | a",
        "{'a':{'$size':-1}}                      | a.$size",
        "{'a':{'$size':1.5}}                     | a.$size",
        "{'a':{'$exists':'yes'}}                 | a.$exists",
        "{'a':{'$regex':'('}}                    | a.$regex",
        "{'a':{'$regex':'x','$options':'q'}}     | a.$regex",
        "{'a':{'$options':'i'}}                  | a.$options",
        "{'a':{'$not':5}}                        | a.$not",
        "{'a':{'$elemMatch':[]}}                 | a.$elemMatch",
        "{'a..b':1}                              | a..b",
        "{'a':{'$elemMatch':{'$gt':1,'$nope':2}}} | a.$elemMatch.$nope"})
    void badFiltersNameTheirClause(String json, String clause) {
        QueryException e = assertThrows(QueryException.class, () -> parse(json));
        assertEquals(clause.trim(), e.clause(), e.getMessage());
        assertTrue(e.getMessage().startsWith("in " + clause.trim() + ": "), e.getMessage());
    }

    @Test
    void badQueriesNameTheirClause() {
        assertEquals("filters.age.$in", assertThrows(QueryException.class,
                () -> Query.parse("{\"filters\":{\"age\":{\"$in\":1}}}")).clause());
        assertEquals("sort", assertThrows(QueryException.class, () -> Query.parse("{\"sort\":\"name\"}")).clause());
        assertEquals("sort[0]", assertThrows(QueryException.class, () -> Query.parse("{\"sort\":[{\"dir\":1}]}")).clause());
        assertEquals("offset", assertThrows(QueryException.class, () -> Query.parse("{\"offset\":\"1\"}")).clause());
        assertEquals("", assertThrows(QueryException.class, () -> Query.parse("[1]")).clause());
        QueryException json = assertThrows(QueryException.class, () -> Query.parse("{\"filters\":{\"a\":1,}}"));
        assertTrue(json.getMessage().contains("line 1, column"), json.getMessage());
        QueryException duplicate = assertThrows(QueryException.class, () -> Query.parse("{\"limit\":1,\"limit\":2}"));
        assertTrue(duplicate.getMessage().contains("limit"), duplicate.getMessage());
    }

    @Test
    void builderRejectsBadInputAtOnce() {
        assertThrows(QueryException.class, () -> Filters.where("a.$gt"));
        assertThrows(QueryException.class, () -> Filters.where(""));
        assertThrows(QueryException.class, () -> Filters.where("a").size(-2));
        assertThrows(QueryException.class, () -> Query.all().limit(-1));
        assertThrows(QueryException.class, () -> Query.all().sort("", Direction.ASC));
    }
}
