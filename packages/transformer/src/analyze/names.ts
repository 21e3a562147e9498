// The name an anonymous function (or class) gets natively through NamedEvaluation (ecma262
// SetFunctionName), read from where it stands. The lowering states this name explicitly, because the wrapper
// it creates no longer stands in that syntactic position.
import type * as t from '@babel/types';

export function inferFunctionName(node: t.Function | t.Class, parent: t.Node, parentKey: string): string {
  if ('id' in node && node.id) return node.id.name;
  if ('key' in node && node.key) return propertyKeyName(node.key as t.Node, node as t.ObjectMethod, { isMethod: true });
  // `export default async function () {}`, `export default class {}`
  if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') return 'default';
  switch (parent.type) {
    case 'VariableDeclarator':
      return parentKey === 'init' && parent.id.type === 'Identifier' ? parent.id.name : '';
    case 'AssignmentExpression':
      return parentKey === 'right' && parent.left.type === 'Identifier' && ['=', '&&=', '||=', '??='].includes(parent.operator)
        ? parent.left.name
        : '';
    case 'AssignmentPattern':
      return parentKey === 'right' && parent.left.type === 'Identifier' ? parent.left.name : '';
    case 'ObjectProperty':
      // `__proto__: value` sets the prototype: no NamedEvaluation.
      if (isProtoSetter(parent)) return '';
      return parentKey === 'value' ? propertyKeyName(parent.key, parent, { isMethod: false }) : '';
    case 'ClassProperty':
    case 'ClassAccessorProperty':
      return parentKey === 'value' ? propertyKeyName(parent.key, parent, { isMethod: false }) : '';
    case 'ClassPrivateProperty':
      return parentKey === 'value' ? `#${parent.key.id.name}` : '';
    case 'ExportDefaultDeclaration':
      return 'default';
    default:
      return '';
  }
}

function isProtoSetter(property: t.ObjectProperty): boolean {
  const key = property.key;
  return !property.computed && !property.shorthand && ((key.type === 'Identifier' && key.name === '__proto__') || (key.type === 'StringLiteral' && key.value === '__proto__'));
}

/** The static name of a class or object member's key; null when it has none or it is known only at run time. */
export function memberKeyName(member: t.Node): string | null {
  if (!('key' in member) || !member.key) return null;
  const key = member.key as t.Node;
  return propertyKeyName(key, member as { computed?: boolean }, { isMethod: true }) || (key.type === 'StringLiteral' ? '' : null);
}

/** The static name of a property key; "" for a computed key that is not a literal (known only at run time). */
function propertyKeyName(key: t.Node, owner: { computed?: boolean }, _: { isMethod: boolean }): string {
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  if (!owner.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  if (key.type === 'BigIntLiteral') return String(BigInt(key.value));
  return '';
}

/** A computed key whose name is only known at run time. */
export function hasRuntimeName(node: t.Function | t.Class, parent: t.Node): boolean {
  const owner = 'key' in node && node.key ? (node as t.ObjectMethod) : (parent as t.ObjectProperty);
  if (!('computed' in owner) || !owner.computed) return false;
  const key = owner.key as t.Node;
  return !(key.type === 'StringLiteral' || key.type === 'NumericLiteral' || key.type === 'BigIntLiteral');
}
