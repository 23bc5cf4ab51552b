/**
 * Planted violations of the module rules, laid out like {@code io.moldtank}: each class named
 * {@code …Violation…} breaks exactly the rule its comment names; the others are legal and must
 * never be reported. Used only by {@code io.moldtank.app.architecture.ModuleRulesTest}.
 */
package io.moldtank.archfixture;
