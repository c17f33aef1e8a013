// Hand-picked documents every backend must stream to exactly what JSON.parse gives.

/** Name -> JSON text. Each is valid JSON with no duplicate keys. */
export const jsonDocuments: Record<string, string> = {
  'nested records':
    '{"title":"Report","items":[{"id":1,"tags":["a","b"],"detail":{"ok":true,"none":null}},{"id":2,"tags":[],"detail":{}}],"total":2}',
  'numbers in every form':
    '[0,-0,1,-1,12.5,-0.25,1e3,1E-3,2.5e+10,1e+21,-1.7976931348623157e308,5e-324,123456789012345678901234567890]',
  escapes: '["quote\\" back\\\\ slash\\/ \\b\\f\\n\\r\\t","\\u00e9\\u4e2d\\uD83D\\uDE00","\\u0000\\u001f"]',
  'raw unicode': '{"café":"naïve 中文 😀","😀":["résumé"]}',
  'whitespace everywhere': ' \n\t{ "a" : [ 1 , 2 , { } , [ ] ] ,\r\n "b" : "x" } \n',
  'prototype keys': '{"__proto__":{"polluted":true},"constructor":{"prototype":1},"toString":"s"}',
  'empty containers': '{"a":{},"b":[],"c":[{},[]],"d":""}',
  'deep nesting': `${'['.repeat(200)}"deep"${']'.repeat(200)}`,
  'top-level string': '"just a string"',
  'top-level number followed by space': '42 ',
  'top-level literal': 'false',
  'array of literals': '[true,false,null,true]',
};

/** Malformed text, the offset of its first bad character, and a word the error's `expected` must contain. */
export const malformedDocuments: { name: string; text: string; offset: number }[] = [
  { name: 'trailing comma in object', text: '{"a":1,}', offset: 7 },
  { name: 'missing comma', text: '[1 2]', offset: 3 },
  { name: 'missing colon', text: '{"a" 1}', offset: 5 },
  { name: 'bad escape', text: '["ab\\x"]', offset: 5 },
  { name: 'leading zero', text: '[01]', offset: 2 },
  { name: 'dot without digits', text: '[1.]', offset: 3 },
  { name: 'exponent without digits', text: '[1e]', offset: 3 },
  { name: 'lone minus', text: '[-]', offset: 2 },
  { name: 'misspelt literal', text: '[nul!]', offset: 4 },
  { name: 'bad unicode escape', text: '"\\u12G4"', offset: 5 },
  { name: 'raw newline in string', text: '["a\nb"]', offset: 3 },
  { name: 'single quotes', text: "{'a':1}", offset: 1 },
  { name: 'text after the document', text: '{"a":1} x', offset: 8 },
  { name: 'mismatched bracket', text: '{"a":[1}', offset: 7 },
];

/** Text that is a valid beginning but not a whole document. */
export const incompleteDocuments: string[] = [
  '',
  '   ',
  '{"a":',
  '[1,2',
  '"abc',
  '-',
  '1.',
  'tr',
  '{"a":"x\\u00',
  '[{"a":[]}',
];
