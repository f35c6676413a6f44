//! A read-only AST walker (oxc 0.146 ships its `Visit` trait in a crate that does not build
//! here). Covers statements, expressions, classes, functions and TypeScript types; a visitor
//! overrides the hooks it needs and calls the matching `walk_*` to descend.

use oxc_ast::ast::*;

pub trait Visit<'a>: Sized {
    fn visit_statement(&mut self, s: &Statement<'a>) {
        walk_statement(self, s)
    }
    fn visit_expression(&mut self, e: &Expression<'a>) {
        walk_expression(self, e)
    }
    fn visit_ts_type(&mut self, t: &TSType<'a>) {
        walk_ts_type(self, t)
    }
    fn visit_ts_type_reference(&mut self, r: &TSTypeReference<'a>) {
        walk_ts_type_reference(self, r)
    }
    fn visit_class(&mut self, c: &Class<'a>) {
        walk_class(self, c)
    }
    fn visit_function(&mut self, f: &Function<'a>) {
        walk_function(self, f)
    }
    fn visit_arrow(&mut self, f: &ArrowFunctionExpression<'a>) {
        walk_arrow(self, f)
    }
    fn visit_variable_declarator(&mut self, d: &VariableDeclarator<'a>) {
        walk_variable_declarator(self, d)
    }
    fn visit_return(&mut self, r: &ReturnStatement<'a>) {
        if let Some(arg) = &r.argument {
            self.visit_expression(arg);
        }
    }
    fn visit_property_definition(&mut self, p: &PropertyDefinition<'a>) {
        walk_property_definition(self, p)
    }
}

pub fn walk_program<'a, V: Visit<'a>>(v: &mut V, program: &Program<'a>) {
    for s in &program.body {
        v.visit_statement(s);
    }
}

pub fn walk_statements<'a, V: Visit<'a>>(v: &mut V, statements: &[Statement<'a>]) {
    for s in statements {
        v.visit_statement(s);
    }
}

pub fn walk_statement<'a, V: Visit<'a>>(v: &mut V, s: &Statement<'a>) {
    match s {
        Statement::BlockStatement(b) => walk_statements(v, &b.body),
        Statement::ExpressionStatement(e) => v.visit_expression(&e.expression),
        Statement::IfStatement(i) => {
            v.visit_expression(&i.test);
            v.visit_statement(&i.consequent);
            if let Some(alt) = &i.alternate {
                v.visit_statement(alt);
            }
        }
        Statement::ReturnStatement(r) => v.visit_return(r),
        Statement::ForStatement(f) => {
            match &f.init {
                Some(ForStatementInit::VariableDeclaration(d)) => walk_variable_declaration(v, d),
                Some(init) => {
                    if let Some(e) = init.as_expression() {
                        v.visit_expression(e);
                    }
                }
                None => {}
            }
            if let Some(t) = &f.test {
                v.visit_expression(t);
            }
            if let Some(u) = &f.update {
                v.visit_expression(u);
            }
            v.visit_statement(&f.body);
        }
        Statement::ForInStatement(f) => {
            if let ForStatementLeft::VariableDeclaration(d) = &f.left {
                walk_variable_declaration(v, d);
            }
            v.visit_expression(&f.right);
            v.visit_statement(&f.body);
        }
        Statement::ForOfStatement(f) => {
            if let ForStatementLeft::VariableDeclaration(d) = &f.left {
                walk_variable_declaration(v, d);
            }
            v.visit_expression(&f.right);
            v.visit_statement(&f.body);
        }
        Statement::WhileStatement(w) => {
            v.visit_expression(&w.test);
            v.visit_statement(&w.body);
        }
        Statement::DoWhileStatement(w) => {
            v.visit_statement(&w.body);
            v.visit_expression(&w.test);
        }
        Statement::LabeledStatement(l) => v.visit_statement(&l.body),
        Statement::SwitchStatement(sw) => {
            v.visit_expression(&sw.discriminant);
            for case in &sw.cases {
                if let Some(t) = &case.test {
                    v.visit_expression(t);
                }
                walk_statements(v, &case.consequent);
            }
        }
        Statement::ThrowStatement(t) => v.visit_expression(&t.argument),
        Statement::TryStatement(t) => {
            walk_statements(v, &t.block.body);
            if let Some(h) = &t.handler {
                walk_statements(v, &h.body.body);
            }
            if let Some(f) = &t.finalizer {
                walk_statements(v, &f.body);
            }
        }
        Statement::VariableDeclaration(d) => walk_variable_declaration(v, d),
        Statement::FunctionDeclaration(f) => v.visit_function(f),
        Statement::ClassDeclaration(c) => v.visit_class(c),
        Statement::TSTypeAliasDeclaration(t) => {
            walk_type_parameters(v, t.type_parameters.as_deref());
            v.visit_ts_type(&t.type_annotation);
        }
        Statement::TSInterfaceDeclaration(i) => walk_interface(v, i),
        Statement::TSNamespaceDeclaration(m) => {
            if let TSNamespaceDeclarationBody::TSModuleBlock(b) = &m.body {
                walk_statements(v, &b.body);
            }
        }
        Statement::ExportDeclaration(e) => walk_declaration(v, &e.declaration),
        Statement::ExportDefaultDeclaration(e) => match &e.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => v.visit_function(f),
            ExportDefaultDeclarationKind::ClassDeclaration(c) => v.visit_class(c),
            ExportDefaultDeclarationKind::TSInterfaceDeclaration(i) => walk_interface(v, i),
            other => {
                if let Some(e) = other.as_expression() {
                    v.visit_expression(e);
                }
            }
        },
        _ => {}
    }
}

pub fn walk_declaration<'a, V: Visit<'a>>(v: &mut V, d: &Declaration<'a>) {
    match d {
        Declaration::VariableDeclaration(d) => walk_variable_declaration(v, d),
        Declaration::FunctionDeclaration(f) => v.visit_function(f),
        Declaration::ClassDeclaration(c) => v.visit_class(c),
        Declaration::TSTypeAliasDeclaration(t) => {
            walk_type_parameters(v, t.type_parameters.as_deref());
            v.visit_ts_type(&t.type_annotation);
        }
        Declaration::TSInterfaceDeclaration(i) => walk_interface(v, i),
        _ => {}
    }
}

pub fn walk_interface<'a, V: Visit<'a>>(v: &mut V, i: &TSInterfaceDeclaration<'a>) {
    walk_type_parameters(v, i.type_parameters.as_deref());
    for h in &i.extends {
        walk_type_arguments(v, h.type_arguments.as_deref());
    }
    walk_signatures(v, &i.body.body);
}

pub fn walk_signatures<'a, V: Visit<'a>>(v: &mut V, members: &[TSSignature<'a>]) {
    for m in members {
        match m {
            TSSignature::TSPropertySignature(p) => {
                if let Some(t) = &p.type_annotation {
                    v.visit_ts_type(&t.type_annotation);
                }
            }
            TSSignature::TSIndexSignature(i) => v.visit_ts_type(&i.type_annotation.type_annotation),
            TSSignature::TSMethodSignature(m) => {
                walk_type_parameters(v, m.type_parameters.as_deref());
                walk_params(v, &m.params);
                if let Some(r) = &m.return_type {
                    v.visit_ts_type(&r.type_annotation);
                }
            }
            TSSignature::TSCallSignatureDeclaration(c) => {
                walk_params(v, &c.params);
                if let Some(r) = &c.return_type {
                    v.visit_ts_type(&r.type_annotation);
                }
            }
            TSSignature::TSConstructSignatureDeclaration(c) => {
                walk_params(v, &c.params);
                if let Some(r) = &c.return_type {
                    v.visit_ts_type(&r.type_annotation);
                }
            }
        }
    }
}

pub fn walk_variable_declaration<'a, V: Visit<'a>>(v: &mut V, d: &VariableDeclaration<'a>) {
    for decl in &d.declarations {
        v.visit_variable_declarator(decl);
    }
}

pub fn walk_variable_declarator<'a, V: Visit<'a>>(v: &mut V, d: &VariableDeclarator<'a>) {
    if let Some(t) = &d.type_annotation {
        v.visit_ts_type(&t.type_annotation);
    }
    walk_binding_pattern(v, &d.id);
    if let Some(init) = &d.init {
        v.visit_expression(init);
    }
}

pub fn walk_binding_pattern<'a, V: Visit<'a>>(v: &mut V, p: &BindingPattern<'a>) {
    match p {
        BindingPattern::AssignmentPattern(a) => {
            walk_binding_pattern(v, &a.left);
            v.visit_expression(&a.right);
        }
        BindingPattern::ObjectPattern(o) => {
            for prop in &o.properties {
                walk_binding_pattern(v, &prop.value);
            }
        }
        BindingPattern::ArrayPattern(a) => {
            for el in a.elements.iter().flatten() {
                walk_binding_pattern(v, el);
            }
        }
        BindingPattern::BindingIdentifier(_) => {}
    }
}

pub fn walk_params<'a, V: Visit<'a>>(v: &mut V, params: &FormalParameters<'a>) {
    for p in &params.items {
        if let Some(t) = &p.type_annotation {
            v.visit_ts_type(&t.type_annotation);
        }
        walk_binding_pattern(v, &p.pattern);
        if let Some(init) = &p.initializer {
            v.visit_expression(init);
        }
    }
    if let Some(rest) = &params.rest
        && let Some(t) = &rest.type_annotation
    {
        v.visit_ts_type(&t.type_annotation);
    }
}

pub fn walk_type_parameters<'a, V: Visit<'a>>(v: &mut V, params: Option<&TSTypeParameterDeclaration<'a>>) {
    let Some(params) = params else { return };
    for p in &params.params {
        if let Some(c) = &p.constraint {
            v.visit_ts_type(c);
        }
        if let Some(d) = &p.default {
            v.visit_ts_type(d);
        }
    }
}

pub fn walk_type_arguments<'a, V: Visit<'a>>(v: &mut V, args: Option<&TSTypeParameterInstantiation<'a>>) {
    let Some(args) = args else { return };
    for t in &args.params {
        v.visit_ts_type(t);
    }
}

pub fn walk_function<'a, V: Visit<'a>>(v: &mut V, f: &Function<'a>) {
    walk_type_parameters(v, f.type_parameters.as_deref());
    walk_params(v, &f.params);
    if let Some(r) = &f.return_type {
        v.visit_ts_type(&r.type_annotation);
    }
    if let Some(body) = &f.body {
        walk_statements(v, &body.statements);
    }
}

pub fn walk_arrow<'a, V: Visit<'a>>(v: &mut V, f: &ArrowFunctionExpression<'a>) {
    walk_type_parameters(v, f.type_parameters.as_deref());
    walk_params(v, &f.params);
    if let Some(r) = &f.return_type {
        v.visit_ts_type(&r.type_annotation);
    }
    match &f.body {
        ArrowFunctionBody::FunctionBody(b) => walk_statements(v, &b.statements),
        other => {
            if let Some(e) = other.as_expression() {
                v.visit_expression(e);
            }
        }
    }
}

pub fn walk_class<'a, V: Visit<'a>>(v: &mut V, c: &Class<'a>) {
    walk_type_parameters(v, c.type_parameters.as_deref());
    if let Some(h) = &c.heritage {
        v.visit_expression(&h.expression);
        walk_type_arguments(v, h.type_arguments.as_deref());
    }
    for i in &c.implements {
        walk_type_arguments(v, i.type_arguments.as_deref());
    }
    for el in &c.body.body {
        match el {
            ClassElement::MethodDefinition(m) => v.visit_function(&m.value),
            ClassElement::PropertyDefinition(p) => v.visit_property_definition(p),
            ClassElement::AccessorProperty(p) => {
                if let Some(t) = &p.type_annotation {
                    v.visit_ts_type(&t.type_annotation);
                }
                if let Some(val) = &p.value {
                    v.visit_expression(val);
                }
            }
            ClassElement::StaticBlock(b) => walk_statements(v, &b.body),
            ClassElement::TSIndexSignature(i) => v.visit_ts_type(&i.type_annotation.type_annotation),
        }
    }
}

pub fn walk_property_definition<'a, V: Visit<'a>>(v: &mut V, p: &PropertyDefinition<'a>) {
    if let Some(t) = &p.type_annotation {
        v.visit_ts_type(&t.type_annotation);
    }
    if let Some(val) = &p.value {
        v.visit_expression(val);
    }
}

pub fn walk_arguments<'a, V: Visit<'a>>(v: &mut V, args: &[Argument<'a>]) {
    for a in args {
        match a {
            Argument::SpreadElement(s) => v.visit_expression(&s.argument),
            other => {
                if let Some(e) = other.as_expression() {
                    v.visit_expression(e);
                }
            }
        }
    }
}

pub fn walk_object<'a, V: Visit<'a>>(v: &mut V, o: &ObjectExpression<'a>) {
    for p in &o.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                if p.computed
                    && let Some(k) = p.key.as_expression()
                {
                    v.visit_expression(k);
                }
                v.visit_expression(&p.value);
            }
            ObjectPropertyKind::SpreadProperty(s) => v.visit_expression(&s.argument),
        }
    }
}

pub fn walk_array<'a, V: Visit<'a>>(v: &mut V, a: &ArrayExpression<'a>) {
    for el in &a.elements {
        match el {
            ArrayExpressionElement::SpreadElement(s) => v.visit_expression(&s.argument),
            ArrayExpressionElement::Elision(_) => {}
            other => {
                if let Some(e) = other.as_expression() {
                    v.visit_expression(e);
                }
            }
        }
    }
}

pub fn walk_expression<'a, V: Visit<'a>>(v: &mut V, e: &Expression<'a>) {
    match e {
        Expression::TemplateLiteral(t) => {
            for x in &t.expressions {
                v.visit_expression(x);
            }
        }
        Expression::ArrayExpression(a) => walk_array(v, a),
        Expression::ObjectExpression(o) => walk_object(v, o),
        Expression::ArrowFunctionExpression(f) => v.visit_arrow(f),
        Expression::FunctionExpression(f) => v.visit_function(f),
        Expression::ClassExpression(c) => v.visit_class(c),
        Expression::AssignmentExpression(a) => {
            if let Some(t) = a.left.as_simple_assignment_target()
                && let Some(m) = t.as_member_expression()
            {
                v.visit_expression(m.object());
            }
            v.visit_expression(&a.right);
        }
        Expression::AwaitExpression(a) => v.visit_expression(&a.argument),
        Expression::BinaryExpression(b) => {
            v.visit_expression(&b.left);
            v.visit_expression(&b.right);
        }
        Expression::LogicalExpression(b) => {
            v.visit_expression(&b.left);
            v.visit_expression(&b.right);
        }
        Expression::CallExpression(c) => {
            v.visit_expression(&c.callee);
            walk_type_arguments(v, c.type_arguments.as_deref());
            walk_arguments(v, &c.arguments);
        }
        Expression::NewExpression(c) => {
            v.visit_expression(&c.callee);
            walk_type_arguments(v, c.type_arguments.as_deref());
            walk_arguments(v, &c.arguments);
        }
        Expression::ChainExpression(c) => match &c.expression {
            ChainElement::CallExpression(call) => {
                v.visit_expression(&call.callee);
                walk_arguments(v, &call.arguments);
            }
            ChainElement::TSNonNullExpression(n) => v.visit_expression(&n.expression),
            other => {
                if let Some(m) = other.as_member_expression() {
                    v.visit_expression(m.object());
                }
            }
        },
        Expression::ConditionalExpression(c) => {
            v.visit_expression(&c.test);
            v.visit_expression(&c.consequent);
            v.visit_expression(&c.alternate);
        }
        Expression::ParenthesizedExpression(p) => v.visit_expression(&p.expression),
        Expression::SequenceExpression(s) => {
            for x in &s.expressions {
                v.visit_expression(x);
            }
        }
        Expression::TaggedTemplateExpression(t) => {
            v.visit_expression(&t.tag);
            for x in &t.quasi.expressions {
                v.visit_expression(x);
            }
        }
        Expression::UnaryExpression(u) => v.visit_expression(&u.argument),
        Expression::YieldExpression(y) => {
            if let Some(a) = &y.argument {
                v.visit_expression(a);
            }
        }
        Expression::TSAsExpression(a) => {
            v.visit_expression(&a.expression);
            v.visit_ts_type(&a.type_annotation);
        }
        Expression::TSSatisfiesExpression(a) => {
            v.visit_expression(&a.expression);
            v.visit_ts_type(&a.type_annotation);
        }
        Expression::TSTypeAssertion(a) => {
            v.visit_ts_type(&a.type_annotation);
            v.visit_expression(&a.expression);
        }
        Expression::TSNonNullExpression(n) => v.visit_expression(&n.expression),
        Expression::TSInstantiationExpression(i) => {
            v.visit_expression(&i.expression);
            walk_type_arguments(v, Some(&i.type_arguments));
        }
        Expression::ComputedMemberExpression(m) => {
            v.visit_expression(&m.object);
            v.visit_expression(&m.expression);
        }
        Expression::StaticMemberExpression(m) => v.visit_expression(&m.object),
        Expression::PrivateFieldExpression(m) => v.visit_expression(&m.object),
        Expression::ImportExpression(i) => v.visit_expression(&i.source),
        _ => {}
    }
}

pub fn walk_ts_type<'a, V: Visit<'a>>(v: &mut V, t: &TSType<'a>) {
    match t {
        TSType::TSTypeReference(r) => v.visit_ts_type_reference(r),
        TSType::TSArrayType(a) => v.visit_ts_type(&a.element_type),
        TSType::TSUnionType(u) => {
            for t in &u.types {
                v.visit_ts_type(t);
            }
        }
        TSType::TSIntersectionType(u) => {
            for t in &u.types {
                v.visit_ts_type(t);
            }
        }
        TSType::TSParenthesizedType(p) => v.visit_ts_type(&p.type_annotation),
        TSType::TSTypeLiteral(l) => walk_signatures(v, &l.members),
        TSType::TSTypeOperatorType(o) => v.visit_ts_type(&o.type_annotation),
        TSType::TSIndexedAccessType(i) => {
            v.visit_ts_type(&i.object_type);
            v.visit_ts_type(&i.index_type);
        }
        TSType::TSTupleType(tu) => {
            for el in &tu.element_types {
                if let Some(t) = el.as_ts_type() {
                    v.visit_ts_type(t);
                }
            }
        }
        TSType::TSFunctionType(f) => {
            walk_params(v, &f.params);
            v.visit_ts_type(&f.return_type.type_annotation);
        }
        TSType::TSConditionalType(c) => {
            v.visit_ts_type(&c.check_type);
            v.visit_ts_type(&c.extends_type);
            v.visit_ts_type(&c.true_type);
            v.visit_ts_type(&c.false_type);
        }
        TSType::TSMappedType(m) => {
            if let Some(t) = &m.type_annotation {
                v.visit_ts_type(t);
            }
        }
        TSType::TSTypeQuery(q) => walk_type_arguments(v, q.type_arguments.as_deref()),
        _ => {}
    }
}

pub fn walk_ts_type_reference<'a, V: Visit<'a>>(v: &mut V, r: &TSTypeReference<'a>) {
    walk_type_arguments(v, r.type_arguments.as_deref());
}
