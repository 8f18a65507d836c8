/**
 * Account plans: the plan a key account team works to (mission, revenue and share-of-wallet targets, executive
 * sponsor), its measurable objectives, the actions that serve them and the reviews of the plan. All plans of one
 * account form one stream ({@code plans/<accountId>}), so "one plan per period" and the objective and action
 * references are decided on one consistent state; whether the account is a key account comes from its own stream.
 */
package io.kamplatform.account.domain.plan;
